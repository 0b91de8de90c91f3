.class public Lcn/sharesdk/tencent/qq/QQ;
.super Lcn/sharesdk/framework/Platform;
.source "QQ.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcn/sharesdk/framework/Platform;-><init>()V
    return-void
.end method

.method public static userInfoUrl()Ljava/lang/String;
    .locals 1
    const-string v0, "https://graph.qq.com/user/get_simple_userinfo"
    return-object v0
.end method
