// Node-API binding: a PrivcmdHandle object per open privcmd device, with hypercall
// memory management and the hypercall ioctl run on the libuv pool (returns a Promise).
// Struct layouts are not known here: JavaScript encodes the bytes, this file moves them.
#include <napi.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "hypercall-memory.h"
#include "privcmd-device.h"

namespace hypercall {
namespace {

// An Error carrying the errno value, the failed call and (when given) the path, in the
// shape of Node's own system errors; the TypeScript side names the errno.
Napi::Error ErrnoError(Napi::Env env, int error, const char* syscall, const std::string& path = "") {
  std::string message = std::string(syscall) + ": " + std::strerror(error);
  if (!path.empty()) message += " (" + path + ")";
  Napi::Error e = Napi::Error::New(env, message);
  e.Set("errno", Napi::Number::New(env, error));
  e.Set("syscall", Napi::String::New(env, syscall));
  if (!path.empty()) e.Set("path", Napi::String::New(env, path));
  return e;
}

uintptr_t AddressArgument(const Napi::CallbackInfo& info, size_t index) {
  if (!info[index].IsBigInt()) {
    throw Napi::TypeError::New(info.Env(), "address must be a bigint");
  }
  bool lossless = false;
  uint64_t value = info[index].As<Napi::BigInt>().Uint64Value(&lossless);
  if (!lossless) throw Napi::RangeError::New(info.Env(), "address out of range");
  return static_cast<uintptr_t>(value);
}

size_t LengthArgument(const Napi::CallbackInfo& info, size_t index, const char* what) {
  if (!info[index].IsNumber()) {
    throw Napi::TypeError::New(info.Env(), std::string(what) + " must be a number");
  }
  double value = info[index].As<Napi::Number>().DoubleValue();
  if (!(value >= 0 && value <= 16 * 1024 * 1024) || value != static_cast<double>(static_cast<size_t>(value))) {
    throw Napi::RangeError::New(info.Env(), std::string(what) + " must be an integer from 0 to 16 MiB");
  }
  return static_cast<size_t>(value);
}

class PrivcmdHandle : public Napi::ObjectWrap<PrivcmdHandle> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "PrivcmdHandle",
                       {
                           InstanceMethod<&PrivcmdHandle::Hypercall>("hypercall"),
                           InstanceMethod<&PrivcmdHandle::Alloc>("alloc"),
                           InstanceMethod<&PrivcmdHandle::Write>("write"),
                           InstanceMethod<&PrivcmdHandle::Read>("read"),
                           InstanceMethod<&PrivcmdHandle::Free>("free"),
                           InstanceMethod<&PrivcmdHandle::Close>("close"),
                           InstanceAccessor<&PrivcmdHandle::Device>("device"),
                           InstanceAccessor<&PrivcmdHandle::BufferSource>("bufferSource"),
                       });
  }

  explicit PrivcmdHandle(const Napi::CallbackInfo& info) : Napi::ObjectWrap<PrivcmdHandle>(info) {
    if (!info[0].IsString()) throw Napi::TypeError::New(info.Env(), "device path must be a string");
    std::string path = info[0].As<Napi::String>();
    int error = device_.Open(path);
    if (error != 0) throw ErrnoError(info.Env(), error, "open", path);
  }

  // Called on the main thread when a pool-thread hypercall has finished.
  void HypercallFinished() {
    if (--inFlight_ == 0 && closeRequested_) ReleaseAll();
  }
  const PrivcmdDevice& device() const { return device_; }

 private:
  class HypercallWorker : public Napi::AsyncWorker {
   public:
    HypercallWorker(Napi::Env env, PrivcmdHandle* handle, Napi::Object self, const PrivcmdHypercall& call)
        : Napi::AsyncWorker(env, "libvirt-ts.hypercall"),
          handle_(handle),
          self_(Napi::Persistent(self)),
          call_(call),
          deferred_(Napi::Promise::Deferred::New(env)) {}
    Napi::Promise Promise() { return deferred_.Promise(); }

   protected:
    void Execute() override { result_ = handle_->device().Hypercall(call_); }
    void OnOK() override {
      handle_->HypercallFinished();
      if (result_ < 0) {
        deferred_.Reject(ErrnoError(Env(), static_cast<int>(-result_), "ioctl", handle_->device().path()).Value());
      } else {
        deferred_.Resolve(Napi::Number::New(Env(), static_cast<double>(result_)));
      }
    }

   private:
    PrivcmdHandle* handle_;
    Napi::ObjectReference self_;  // keeps the handle alive while the call runs
    PrivcmdHypercall call_;
    Napi::Promise::Deferred deferred_;
    long result_ = 0;
  };

  void EnsureOpen(Napi::Env env) const {
    if (closeRequested_) throw ErrnoError(env, EBADF, "privcmd", "handle is closed");
  }

  // hypercall(op: number, args: bigint[5]): Promise<number>
  Napi::Value Hypercall(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    EnsureOpen(env);
    if (!info[0].IsNumber()) throw Napi::TypeError::New(env, "op must be a number");
    if (!info[1].IsArray() || info[1].As<Napi::Array>().Length() != 5) {
      throw Napi::TypeError::New(env, "args must be an array of 5 bigints");
    }
    PrivcmdHypercall call{};
    call.op = static_cast<uint64_t>(info[0].As<Napi::Number>().Int64Value());
    Napi::Array args = info[1].As<Napi::Array>();
    for (uint32_t i = 0; i < 5; i++) {
      Napi::Value arg = args.Get(i);
      if (!arg.IsBigInt()) throw Napi::TypeError::New(env, "args must be an array of 5 bigints");
      bool lossless = false;
      call.arg[i] = arg.As<Napi::BigInt>().Uint64Value(&lossless);
      if (!lossless) throw Napi::RangeError::New(env, "hypercall argument out of 64-bit range");
    }
    auto* worker = new HypercallWorker(env, this, info.This().As<Napi::Object>(), call);
    Napi::Promise promise = worker->Promise();
    inFlight_++;
    worker->Queue();
    return promise;
  }

  // alloc(size: number): bigint
  Napi::Value Alloc(const Napi::CallbackInfo& info) {
    EnsureOpen(info.Env());
    size_t size = LengthArgument(info, 0, "size");
    int error = 0;
    uintptr_t address = memory_.Allocate(size, &error);
    if (address == 0) throw ErrnoError(info.Env(), error, "mmap/mlock", memory_.source());
    return Napi::BigInt::New(info.Env(), static_cast<uint64_t>(address));
  }

  uint8_t* ResolveOrThrow(const Napi::CallbackInfo& info, uintptr_t address, size_t length) {
    uint8_t* p = memory_.Resolve(address, length);
    if (p == nullptr) {
      throw Napi::RangeError::New(info.Env(), "address range is not inside a hypercall buffer of this handle");
    }
    return p;
  }

  // write(address: bigint, bytes: Uint8Array): void
  void Write(const Napi::CallbackInfo& info) {
    EnsureOpen(info.Env());
    uintptr_t address = AddressArgument(info, 0);
    if (!info[1].IsTypedArray() || info[1].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
      throw Napi::TypeError::New(info.Env(), "bytes must be a Uint8Array");
    }
    Napi::Uint8Array bytes = info[1].As<Napi::Uint8Array>();
    std::memcpy(ResolveOrThrow(info, address, bytes.ByteLength()), bytes.Data(), bytes.ByteLength());
  }

  // read(address: bigint, length: number): Uint8Array (a copy)
  Napi::Value Read(const Napi::CallbackInfo& info) {
    EnsureOpen(info.Env());
    uintptr_t address = AddressArgument(info, 0);
    size_t length = LengthArgument(info, 1, "length");
    return Napi::Buffer<uint8_t>::Copy(info.Env(), ResolveOrThrow(info, address, length), length);
  }

  // free(address: bigint): void
  void Free(const Napi::CallbackInfo& info) {
    EnsureOpen(info.Env());
    if (!memory_.Free(AddressArgument(info, 0))) {
      throw Napi::RangeError::New(info.Env(), "address is not a hypercall buffer of this handle");
    }
  }

  // close(): void. The descriptor and memory are released once running hypercalls end.
  void Close(const Napi::CallbackInfo&) {
    closeRequested_ = true;
    if (inFlight_ == 0) ReleaseAll();
  }

  Napi::Value Device(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), device_.path()); }
  Napi::Value BufferSource(const Napi::CallbackInfo& info) {
    return Napi::String::New(info.Env(), memory_.source());
  }

  void ReleaseAll() {
    memory_.FreeAll();
    device_.Close();
  }

  PrivcmdDevice device_;
  HypercallMemory memory_;
  int inFlight_ = 0;  // touched on the main thread only
  bool closeRequested_ = false;
};

}  // namespace
}  // namespace hypercall

static Napi::Object InitHypercallAddon(Napi::Env env, Napi::Object exports) {
  exports.Set("PrivcmdHandle", hypercall::PrivcmdHandle::Define(env));
  return exports;
}

NODE_API_MODULE(hypercall, InitHypercallAddon)
