// Shim: the published linux-x64-cuda build of whisper.node links libcudart.so.12 / libcublas.so.12
// (versioned symbols), but our GPU box has only CUDA 13 libraries (PyTorch cu130 wheels). This library
// is built twice (as libcudart.so.12 and libcublas.so.12), exports the needed symbols under the v12
// version node, and forwards each to the CUDA 13 library. Only cudaGetDeviceProperties_v2 needs
// translation: CUDA 13 dropped fields from cudaDeviceProp, so we fill the CUDA 12 layout by attribute.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#ifdef SHIM_CUDART
#define TARGET "libcudart.so.13"
#define SYMS(X) X(__cudaPopCallConfiguration) X(__cudaPushCallConfiguration) X(__cudaRegisterFatBinary) \
  X(__cudaRegisterFatBinaryEnd) X(__cudaRegisterFunction) X(__cudaRegisterVar) X(__cudaUnregisterFatBinary) \
  X(cudaDeviceCanAccessPeer) X(cudaDeviceEnablePeerAccess) X(cudaDeviceGetAttribute) X(cudaDeviceGetPCIBusId) \
  X(cudaDeviceSynchronize) X(cudaEventCreateWithFlags) X(cudaEventDestroy) X(cudaEventRecord) X(cudaEventSynchronize) \
  X(cudaFree) X(cudaFreeHost) X(cudaFuncGetAttributes) X(cudaFuncSetAttribute) X(cudaGetDevice) X(cudaGetDeviceCount) \
  X(cudaGetErrorString) X(cudaGetLastError) X(cudaHostAlloc) X(cudaHostGetDevicePointer) X(cudaHostRegister) \
  X(cudaHostUnregister) X(cudaLaunchCooperativeKernel) X(cudaLaunchKernel) X(cudaLaunchKernelExC) X(cudaMalloc) \
  X(cudaMallocHost) X(cudaMallocManaged) X(cudaMemGetInfo) X(cudaMemcpy2DAsync) X(cudaMemcpyAsync) X(cudaMemcpyPeerAsync) \
  X(cudaMemset) X(cudaMemsetAsync) X(cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags) X(cudaPeekAtLastError) \
  X(cudaSetDevice) X(cudaSetDeviceFlags) X(cudaStreamCreateWithFlags) X(cudaStreamDestroy) X(cudaStreamSynchronize) \
  X(cudaStreamWaitEvent)
#else
#define TARGET "libcublas.so.13"
#define SYMS(X) X(cublasCreate_v2) X(cublasDestroy_v2) X(cublasGemmBatchedEx) X(cublasGemmEx) \
  X(cublasGemmStridedBatchedEx) X(cublasGetStatusString) X(cublasSetMathMode) X(cublasSetStream_v2) \
  X(cublasSetWorkspace_v2) X(cublasSgemmBatched) X(cublasSgemmStridedBatched) X(cublasSgemm_v2) X(cublasStrsmBatched)
#endif

static void missing(void) { fprintf(stderr, "cuda12_to_13 shim: called a symbol missing from " TARGET "\n"); abort(); }

#define DECL(name) __attribute__((visibility("hidden"))) void *p_##name = (void *)missing;
SYMS(DECL)
#define TRAMP(name) __asm__(".globl " #name "\n.type " #name ",@function\n" #name ":\n jmp *p_" #name "(%rip)\n");
SYMS(TRAMP)

__attribute__((constructor)) static void shim_init(void) {
  void *h = dlopen(TARGET, RTLD_NOW | RTLD_GLOBAL);
  if (!h) { fprintf(stderr, "cuda12_to_13 shim: %s\n", dlerror()); abort(); }
#define LOAD(name) { void *s = dlsym(h, #name); if (s) p_##name = s; else fprintf(stderr, "cuda12_to_13 shim: no %s in " TARGET "\n", #name); }
  SYMS(LOAD)
}

#ifdef SHIM_CUDART
// CUDA 12 cudaDeviceProp prefix up to the fields ggml reads; the rest of the 1008-byte struct is zeroed.
struct prop12 {
  char name[256]; char uuid[16]; char luid[8]; unsigned luidDeviceNodeMask;
  size_t totalGlobalMem, sharedMemPerBlock; int regsPerBlock, warpSize; size_t memPitch;
  int maxThreadsPerBlock, maxThreadsDim[3], maxGridSize[3], clockRate; size_t totalConstMem;
  int major, minor; size_t textureAlignment, texturePitchAlignment;
  int deviceOverlap, multiProcessorCount, kernelExecTimeoutEnabled, integrated, canMapHostMemory, computeMode;
  int tex[40]; size_t surfaceAlignment;
  int concurrentKernels, ECCEnabled, pciBusID, pciDeviceID, pciDomainID, tccDriver, asyncEngineCount,
      unifiedAddressing, memoryClockRate, memoryBusWidth, l2CacheSize, persistingL2CacheMaxSize,
      maxThreadsPerMultiProcessor, streamPrioritiesSupported, globalL1CacheSupported, localL1CacheSupported;
  size_t sharedMemPerMultiprocessor; int regsPerMultiprocessor, managedMemory, isMultiGpuBoard, multiGpuBoardGroupID,
      hostNativeAtomicSupported, singleToDoublePrecisionPerfRatio, pageableMemoryAccess, concurrentManagedAccess,
      computePreemptionSupported, canUseHostPointerForRegisteredMem, cooperativeLaunch, cooperativeMultiDeviceLaunch;
  size_t sharedMemPerBlockOptin;
  int rest[128];
};
_Static_assert(offsetof(struct prop12, persistingL2CacheMaxSize) == 620, "CUDA 12 cudaDeviceProp layout");
typedef int (*attr_fn)(int *, int, int);
typedef int (*props_fn)(void *, int);
int cudaGetDeviceProperties_v2(struct prop12 *p, int dev) {
  static char buf13[8192];
  void *h = dlopen(TARGET, RTLD_NOW);
  props_fn props13 = (props_fn)dlsym(h, "cudaGetDeviceProperties_v2");
  if (!props13) props13 = (props_fn)dlsym(h, "cudaGetDeviceProperties");
  int rc = props13(buf13, dev);
  if (rc) return rc;
  memset(p, 0, 1008);
  // name, uuid, luid, luidDeviceNodeMask, totalGlobalMem, sharedMemPerBlock, regsPerBlock, warpSize, memPitch,
  // maxThreadsPerBlock, maxThreadsDim, maxGridSize: identical prefix in CUDA 12 and 13.
  memcpy(p, buf13, offsetof(struct prop12, clockRate));
  attr_fn a = (attr_fn)p_cudaDeviceGetAttribute;
#define ATTR(field, id) a(&p->field, id, dev);
  ATTR(clockRate, 13) ATTR(major, 75) ATTR(minor, 76) ATTR(multiProcessorCount, 16) ATTR(integrated, 18)
  ATTR(canMapHostMemory, 19) ATTR(computeMode, 20) ATTR(concurrentKernels, 31) ATTR(ECCEnabled, 32)
  ATTR(pciBusID, 33) ATTR(pciDeviceID, 34) ATTR(pciDomainID, 50) ATTR(asyncEngineCount, 40)
  ATTR(unifiedAddressing, 41) ATTR(memoryClockRate, 36) ATTR(memoryBusWidth, 37) ATTR(l2CacheSize, 38)
  ATTR(maxThreadsPerMultiProcessor, 39) ATTR(regsPerMultiprocessor, 82) ATTR(managedMemory, 83)
  ATTR(cooperativeLaunch, 95)
  int v = 0;
  a(&v, 8, dev); // keep prefix value but double check sharedMemPerBlock
  if (v) p->sharedMemPerBlock = (size_t)v;
  a(&v, 81, dev); p->sharedMemPerMultiprocessor = (size_t)v;
  a(&v, 97, dev); p->sharedMemPerBlockOptin = (size_t)v;
  a(&v, 9, dev); p->totalConstMem = (size_t)v;
  return 0;
}
#endif
