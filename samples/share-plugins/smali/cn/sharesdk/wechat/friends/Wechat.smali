.class public Lcn/sharesdk/wechat/friends/Wechat;
.super Lcn/sharesdk/framework/Platform;
.source "Wechat.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcn/sharesdk/framework/Platform;-><init>()V
    return-void
.end method

.method public static tokenUrl()Ljava/lang/String;
    .locals 1
    const-string v0, "https://api.weixin.qq.com/sns/oauth2/access_token"
    return-object v0
.end method
