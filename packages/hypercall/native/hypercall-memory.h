// Memory that may be handed to the hypervisor as hypercall arguments. Xen reads and
// writes it while the hypercall runs, so it must not be paged out or moved: Linux 4.18+
// offers /dev/xen/hypercall (mmap-able pages the kernel knows about); elsewhere, as
// libxencall does, anonymous pages locked with mlock and not inherited by fork.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

namespace hypercall {

class HypercallMemory {
 public:
  HypercallMemory();
  ~HypercallMemory();
  HypercallMemory(const HypercallMemory&) = delete;
  HypercallMemory& operator=(const HypercallMemory&) = delete;

  // Allocates at least `size` bytes, page-aligned and zeroed. Returns the address, or
  // 0 with *error set to an errno value.
  uintptr_t Allocate(size_t size, int* error);
  // Frees an allocation; false if `address` is not one.
  bool Free(uintptr_t address);
  // The allocation [address, address + length) lies in, or nullptr.
  uint8_t* Resolve(uintptr_t address, size_t length) const;
  void FreeAll();
  // "/dev/xen/hypercall" or "mlock".
  const char* source() const { return bufferFd_ >= 0 ? "/dev/xen/hypercall" : "mlock"; }

 private:
  struct Allocation {
    size_t length;
    bool fromDevice;
  };
  void Release(uintptr_t address, const Allocation& allocation);

  int bufferFd_ = -1;
  size_t pageSize_;
  std::map<uintptr_t, Allocation> allocations_;
};

}  // namespace hypercall
