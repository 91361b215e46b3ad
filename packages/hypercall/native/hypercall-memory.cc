#include "hypercall-memory.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace hypercall {

HypercallMemory::HypercallMemory() : pageSize_(static_cast<size_t>(sysconf(_SC_PAGESIZE))) {
  bufferFd_ = open("/dev/xen/hypercall", O_RDWR | O_CLOEXEC);
}

HypercallMemory::~HypercallMemory() {
  FreeAll();
  if (bufferFd_ >= 0) close(bufferFd_);
}

uintptr_t HypercallMemory::Allocate(size_t size, int* error) {
  size_t length = ((size == 0 ? 1 : size) + pageSize_ - 1) / pageSize_ * pageSize_;
  void* p = MAP_FAILED;
  bool fromDevice = false;
  if (bufferFd_ >= 0) {
    p = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, bufferFd_, 0);
    fromDevice = p != MAP_FAILED;
  }
  if (p == MAP_FAILED) {
    p = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
      *error = errno;
      return 0;
    }
    // A forked child must not share (and copy-on-write) pages Xen is writing into.
    madvise(p, length, MADV_DONTFORK);
    if (mlock(p, length) != 0) {
      *error = errno;
      munmap(p, length);
      return 0;
    }
  }
  std::memset(p, 0, length);
  uintptr_t address = reinterpret_cast<uintptr_t>(p);
  allocations_[address] = Allocation{length, fromDevice};
  return address;
}

void HypercallMemory::Release(uintptr_t address, const Allocation& allocation) {
  void* p = reinterpret_cast<void*>(address);
  if (!allocation.fromDevice) munlock(p, allocation.length);
  munmap(p, allocation.length);
}

bool HypercallMemory::Free(uintptr_t address) {
  auto it = allocations_.find(address);
  if (it == allocations_.end()) return false;
  Release(it->first, it->second);
  allocations_.erase(it);
  return true;
}

uint8_t* HypercallMemory::Resolve(uintptr_t address, size_t length) const {
  auto it = allocations_.upper_bound(address);
  if (it == allocations_.begin()) return nullptr;
  --it;
  uintptr_t start = it->first;
  if (address < start || length > it->second.length || address - start > it->second.length - length) {
    return nullptr;
  }
  return reinterpret_cast<uint8_t*>(address);
}

void HypercallMemory::FreeAll() {
  for (const auto& [address, allocation] : allocations_) Release(address, allocation);
  allocations_.clear();
}

}  // namespace hypercall
