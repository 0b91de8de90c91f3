.class public Lcom/sdkflow/demo/shop/ui/MainActivity;
.super Landroid/app/Activity;
.source "Main.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onResume()V
    .locals 0
    invoke-super {p0}, Landroid/app/Activity;->onResume()V
    invoke-static {p0}, Lcom/umeng/analytics/MobclickAgent;->onResume(Landroid/content/Context;)V
    # look for a shared promo code (口令) on the clipboard
    invoke-static {p0}, Lcom/sdkflow/demo/shop/promo/PromoChecker;->check(Landroid/content/Context;)V
    return-void
.end method

.method protected onPause()V
    .locals 0
    invoke-super {p0}, Landroid/app/Activity;->onPause()V
    invoke-static {p0}, Lcom/umeng/analytics/MobclickAgent;->onPause(Landroid/content/Context;)V
    return-void
.end method
