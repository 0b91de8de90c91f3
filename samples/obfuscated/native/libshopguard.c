// The app's own native library (request signing and an environment check). Hand-written.
// Its JNI exports belong to the app package, so findings from it are the app's, not an SDK's.
// needed: c
#include "jni_min.h"

unsigned long strlen(const char *s);
int snprintf(char *buf, unsigned long n, const char *fmt, ...);

static const char *const guard_strings[] __attribute__((used)) = {
    "https://api.sdkflow-demo.cn/v1/",
    "/system/xbin/su",
    "ro.debuggable",
    "%s|%lld|sdkflow-demo-salt",
};

JNIEXPORT jstring JNICALL Java_com_sdkflow_demo_mall_security_Guard_sign(JNIEnv *env, jclass cls, jstring body, jlong ts) {
    char buf[64];
    (void)env; (void)cls; (void)body;
    return (jstring)(unsigned long)snprintf(buf, sizeof buf, guard_strings[3], guard_strings[0], ts);
}

JNIEXPORT jboolean JNICALL Java_com_sdkflow_demo_mall_security_Guard_checkEnvironment(JNIEnv *env, jclass cls, jobject ctx) {
    (void)env; (void)cls; (void)ctx;
    return (jboolean)(strlen(guard_strings[1]) == 15);
}
