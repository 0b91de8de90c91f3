.class public abstract Lcn/sharesdk/framework/Platform;
.super Ljava/lang/Object;
.source "Platform.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
