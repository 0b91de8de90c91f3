.class public Lcom/sdkflow/sample/hostile/HostileApp;
.super Landroid/app/Application;
.source "HostileApp.java"

# String constants a detector or a flow may quote: a host next to control characters,
# a lone surrogate (smali writes it as MUTF-8, which no UTF-8 decoder accepts), bidi.

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Application;-><init>()V
    return-void
.end method

.method public onCreate()V
    .locals 2
    invoke-super {p0}, Landroid/app/Application;->onCreate()V
    invoke-static {p0}, Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V
    const-string v0, "https://stats.jpush.cn/\u001b[31m\ud800\u202e/report"
    const-string v1, "\u001b]0;pwned\u0007"
    invoke-static {v0, v1}, Lcom/umeng/commonsdk/Evil⁧Name؜;->report(Ljava/lang/String;Ljava/lang/String;)V
    return-void
.end method
