.class public final Lg/b;
.super Ljava/lang/Object;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public a()Lg/a;
    .locals 1
    new-instance v0, Lg/a;
    invoke-direct {v0}, Lg/a;-><init>()V
    return-object v0
.end method
