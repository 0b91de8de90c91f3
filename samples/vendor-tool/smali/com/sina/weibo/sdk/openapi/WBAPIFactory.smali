.class public Lcom/sina/weibo/sdk/openapi/WBAPIFactory;
.super Ljava/lang/Object;
.source "WBAPIFactory.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
