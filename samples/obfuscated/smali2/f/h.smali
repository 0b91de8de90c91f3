.class final Lf/h;
.super Ljava/lang/Object;
.source "SourceFile"
.implements Lf/g;


.field final request:Lf/b;

.method constructor <init>(Lf/b;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lf/h;->request:Lf/b;
    return-void
.end method

.method public a()Lf/i;
    .locals 1
    new-instance v0, Lf/i;
    invoke-direct {v0}, Lf/i;-><init>()V
    return-object v0
.end method
