// Stand-in for JCore's native helper (file name follows the real libjcore<version>.so).
// Hand-written; not vendor code. Exports JNI_OnLoad and the natives of
// cn.jiguang.internal.JCoreNative; read-only data carries JCore's real service hosts.
// needed: log c m dl
#include "jni_min.h"

int __android_log_print(int prio, const char *tag, const char *fmt, ...);
unsigned long strlen(const char *s);
void *dlopen(const char *file, int mode);
double floor(double x);

static const char *const jcore_endpoints[] __attribute__((used)) = {
    "https://tsis.jpush.cn",
    "https://sis.jpush.io/v1/addrs",
    "stats.jpush.cn",
    "tcp.jpush.cn",
    "103.229.215.60:19000",
    "/proc/self/maps",
    "cn/jiguang/internal/JCoreNative",
};

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)vm; (void)reserved;
    __android_log_print(4, "JCore", "load %s", jcore_endpoints[0]);
    return JNI_VERSION_1_6;
}

JNIEXPORT void JNICALL Java_cn_jiguang_internal_JCoreNative_nativeInit(JNIEnv *env, jclass cls, jobject ctx) {
    (void)env; (void)cls; (void)ctx;
    dlopen("libandroid.so", 0);
}

JNIEXPORT jstring JNICALL Java_cn_jiguang_internal_JCoreNative_getDeviceFingerprint(JNIEnv *env, jclass cls, jobject ctx) {
    (void)env; (void)cls; (void)ctx;
    return (jstring)(unsigned long)(strlen(jcore_endpoints[5]) + (unsigned long)floor(1.0));
}
