// Stand-in for the 360 packer's loader (libjiagu.so, shipped under assets/).
// Hand-written; not vendor code. It only exports JNI_OnLoad.
// abi: armeabi-v7a
// needed: c
#include "jni_min.h"

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)vm; (void)reserved;
    return JNI_VERSION_1_6;
}
