// Stand-in for the 360 packer's loader (libjiagu_a64.so, shipped under assets/).
// Hand-written; not vendor code. It only exports JNI_OnLoad.
// abi: arm64-v8a
// needed: c
#include "jni_min.h"

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)vm; (void)reserved;
    return JNI_VERSION_1_6;
}
