.class public final Lcom/sina/weibo/sdk/sdkflowtool/R;
.super Ljava/lang/Object;
.source "R.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
