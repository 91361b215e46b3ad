// The privcmd character device: one file descriptor and the hypercall ioctl.
// Plain C++ (no Node-API) so the blocking ioctl can run on a libuv pool thread.
#pragma once

#include <cstdint>
#include <string>

namespace hypercall {

// Linux's struct privcmd_hypercall: the op and five arguments, all 64-bit (48 bytes).
struct PrivcmdHypercall {
  uint64_t op;
  uint64_t arg[5];
};

class PrivcmdDevice {
 public:
  PrivcmdDevice() = default;
  ~PrivcmdDevice();
  PrivcmdDevice(const PrivcmdDevice&) = delete;
  PrivcmdDevice& operator=(const PrivcmdDevice&) = delete;

  // Opens the device read-write; returns 0 or an errno value.
  int Open(const std::string& path);
  // Issues IOCTL_PRIVCMD_HYPERCALL. Returns the hypercall's (non-negative) result,
  // or -errno. Safe to call from any thread while the device is open.
  long Hypercall(const PrivcmdHypercall& call) const;
  void Close();
  bool IsOpen() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace hypercall
