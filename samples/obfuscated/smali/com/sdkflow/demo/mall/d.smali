.class public final Lcom/sdkflow/demo/mall/d;
.super Ljava/lang/Object;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static a(Landroid/content/Context;)V
    .locals 2
    new-instance v0, La/b/a;
    invoke-direct {v0, p0}, La/b/a;-><init>(Landroid/content/Context;)V
    new-instance v1, La/b/b;
    invoke-direct {v1}, La/b/b;-><init>()V
    invoke-virtual {v0, v1}, La/b/a;->c(La/b/b;)V
    new-instance v1, Lcom/sdkflow/demo/mall/e;
    invoke-direct {v1}, Lcom/sdkflow/demo/mall/e;-><init>()V
    invoke-virtual {v0, v1}, La/b/a;->a(La/b/c;)V
    invoke-virtual {v0}, La/b/a;->b()V
    return-void
.end method
