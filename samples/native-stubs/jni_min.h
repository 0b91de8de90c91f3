/* The few JNI types the sample libraries use (a subset of <jni.h>, which is not available
   without the NDK). Pointers are opaque: the samples only need the exported symbol names. */
#ifndef SDKFLOW_JNI_MIN_H
#define SDKFLOW_JNI_MIN_H
typedef int jint;
typedef long long jlong;
typedef unsigned char jboolean;
typedef void *jobject;
typedef void *jclass;
typedef void *jstring;
typedef void *jbyteArray;
typedef void JNIEnv;
typedef void JavaVM;
#define JNIEXPORT __attribute__((visibility("default")))
#define JNICALL
#define JNI_VERSION_1_6 0x00010006
#endif
