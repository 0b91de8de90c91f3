.class public Lcn/jiguang/api/JCoreInterface;
.super Ljava/lang/Object;
.source "JCoreInterface.java"


.field private static final REPORT_URL:Ljava/lang/String; = "https://stats.jpush.cn/v3/report"
.field public static final SDK_VERSION:Ljava/lang/String; = "3.3.6"

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static init(Landroid/content/Context;)V
    .locals 2
    const-string v0, "jcore330"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V
    invoke-static {p0}, Lcn/jiguang/internal/JCoreNative;->nativeInit(Landroid/content/Context;)V
    invoke-static {p0}, Lcn/jiguang/internal/JCoreCollector;->collect(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v0
    const-string v1, "https://stats.jpush.cn/v3/report"
    :try_start
    invoke-static {v1, v0}, Lcn/jiguang/net/HttpUtils;->post(Ljava/lang/String;Ljava/lang/String;)I
    :try_end
    .catch Ljava/io/IOException; {:try_start .. :try_end} :failed
    return-void
    :failed
    return-void
.end method
