.class public Lcn/jpush/android/api/JPushInterface;
.super Ljava/lang/Object;
.source "JPushInterface.java"


.field public static final VERSION_NAME:Ljava/lang/String; = "5.0.4"
.field public static final VERSION_CODE:I = 0x1f8
.field public static final ACTION_MESSAGE_RECEIVED:Ljava/lang/String; = "cn.jpush.android.intent.MESSAGE_RECEIVED"

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static setDebugMode(Z)V
    .locals 0
    return-void
.end method

.method public static init(Landroid/content/Context;)V
    .locals 0
    invoke-static {p0}, Lcn/jiguang/api/JCoreInterface;->init(Landroid/content/Context;)V
    return-void
.end method

.method public static getRegistrationID(Landroid/content/Context;)Ljava/lang/String;
    .locals 1
    invoke-static {p0}, Lcn/jiguang/internal/JCoreNative;->getDeviceFingerprint(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
