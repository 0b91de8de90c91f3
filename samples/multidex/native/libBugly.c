// Stand-in for Tencent Bugly's native crash handler (real file name libBugly.so).
// Hand-written; not vendor code. Exports JNI_OnLoad and the natives of
// com.tencent.bugly.crashreport.crash.jni.NativeCrashHandler; read-only data carries
// Bugly's real upload hosts.
// needed: log c dl
#include "jni_min.h"

int __android_log_print(int prio, const char *tag, const char *fmt, ...);
unsigned long strlen(const char *s);
int open(const char *path, int flags, ...);

static const char *const bugly_strings[] __attribute__((used)) = {
    "https://android.bugly.qq.com/rqd/async",
    "android.bugly.qq.com",
    "rqd.uu.qq.com",
    "/data/data/%s/app_bugly/tomb_%lld.txt",
    "com/tencent/bugly/crashreport/crash/jni/NativeCrashHandler",
};

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)vm; (void)reserved;
    __android_log_print(4, "CrashReport", "native %s", bugly_strings[1]);
    return JNI_VERSION_1_6;
}

JNIEXPORT jboolean JNICALL Java_com_tencent_bugly_crashreport_crash_jni_NativeCrashHandler_regist(JNIEnv *env, jclass cls, jstring dir, jboolean debug) {
    (void)env; (void)cls; (void)dir;
    return (jboolean)(open(bugly_strings[3], 0) >= 0 && debug);
}

JNIEXPORT jboolean JNICALL Java_com_tencent_bugly_crashreport_crash_jni_NativeCrashHandler_setNativeInfo(JNIEnv *env, jclass cls, jint key, jstring value) {
    (void)env; (void)cls; (void)value;
    return (jboolean)(strlen(bugly_strings[0]) > (unsigned long)key);
}
