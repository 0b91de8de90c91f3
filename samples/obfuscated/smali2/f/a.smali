.class public Lf/a;
.super Ljava/lang/Object;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public a(Lf/b;)Lf/g;
    .locals 1
    new-instance v0, Lf/h;
    invoke-direct {v0, p1}, Lf/h;-><init>(Lf/b;)V
    return-object v0
.end method
