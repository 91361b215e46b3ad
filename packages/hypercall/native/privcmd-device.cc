#include "privcmd-device.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace hypercall {

// _IOC(_IOC_NONE, 'P', 0, sizeof(privcmd_hypercall)), as in xen/sys/privcmd.h. Defined
// here so that building from source needs no Xen headers.
static const unsigned long kIoctlPrivcmdHypercall =
    _IOC(_IOC_NONE, 'P', 0, sizeof(PrivcmdHypercall));

PrivcmdDevice::~PrivcmdDevice() { Close(); }

int PrivcmdDevice::Open(const std::string& path) {
  Close();
  int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return errno;
  fd_ = fd;
  path_ = path;
  return 0;
}

long PrivcmdDevice::Hypercall(const PrivcmdHypercall& call) const {
  if (fd_ < 0) return -EBADF;
  // The kernel takes a non-const pointer; it only reads the struct.
  PrivcmdHypercall copy = call;
  long ret = ioctl(fd_, kIoctlPrivcmdHypercall, &copy);
  return ret < 0 ? -errno : ret;
}

void PrivcmdDevice::Close() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

}  // namespace hypercall
