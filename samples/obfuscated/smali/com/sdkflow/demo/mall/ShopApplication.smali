.class public Lcom/sdkflow/demo/mall/ShopApplication;
.super Landroid/app/Application;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Application;-><init>()V
    return-void
.end method

.method public onCreate()V
    .locals 6
    invoke-super {p0}, Landroid/app/Application;->onCreate()V
    # crash reporting first, as Bugly's guide asks
    const-string v0, "e3a1f0c9b7"
    const/4 v1, 0x0
    invoke-static {p0, v0, v1}, Lcom/tencent/bugly/a;->a(Landroid/content/Context;Ljava/lang/String;Z)V
    # JPush (reads its app key from the JPUSH_APPKEY meta-data)
    invoke-static {v1}, Lcn/jpush/a/a;->b(Z)V
    invoke-static {p0}, Lcn/jpush/a/a;->a(Landroid/content/Context;)V
    # Umeng
    const-string v0, "5f8d3c2b1a09e7d6c5b4a321"
    const-string v2, "huawei"
    invoke-static {p0, v0, v2}, Lcom/umeng/analytics/pro/a;->a(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V
    const/4 v3, 0x1
    const-string v4, ""
    invoke-static {p0, v0, v2, v3, v4}, Lcom/umeng/analytics/pro/a;->b(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V
    # AMap location: privacy gates are called, but before the user has seen the policy
    const/4 v3, 0x1
    invoke-static {p0, v3, v3}, La/b/a;->a(Landroid/content/Context;ZZ)V
    invoke-static {p0, v3}, La/b/a;->b(Landroid/content/Context;Z)V

    const-string v0, "8f4e2d1c0b9a87654321fedcba098765"
    invoke-static {v0}, La/b/a;->d(Ljava/lang/String;)V

    invoke-static {p0}, Lcom/sdkflow/demo/mall/d;->a(Landroid/content/Context;)V
    # WeChat
    const-string v0, "wx8a1b2c3d4e5f6a7b"
    invoke-static {p0, v0, v3}, Lcom/tencent/mm/opensdk/a/a;->a(Landroid/content/Context;Ljava/lang/String;Z)Lcom/tencent/mm/opensdk/a/b;
    move-result-object v1
    invoke-interface {v1, v0}, Lcom/tencent/mm/opensdk/a/b;->a(Ljava/lang/String;)Z
    # Huawei push token: HMS forbids getToken on the main thread
    new-instance v0, Ljava/lang/Thread;
    new-instance v1, Lcom/sdkflow/demo/mall/a;
    invoke-direct {v1, p0}, Lcom/sdkflow/demo/mall/a;-><init>(Landroid/content/Context;)V
    invoke-direct {v0, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V
    invoke-virtual {v0}, Ljava/lang/Thread;->start()V
    # app's own native request signing
    invoke-static {}, Lcom/sdkflow/demo/mall/security/Guard;->load()V
    return-void
.end method
