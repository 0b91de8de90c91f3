.class public Lcom/sina/weibo/sdk/auth/AuthInfo;
.super Ljava/lang/Object;
.source "AuthInfo.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static authorizeUrl()Ljava/lang/String;
    .locals 1
    const-string v0, "https://open.weibo.cn/oauth2/authorize"
    return-object v0
.end method
