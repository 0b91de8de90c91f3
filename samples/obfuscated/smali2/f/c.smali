.class public Lf/c;
.super Ljava/lang/Object;
.source "SourceFile"


.field body:Lf/d;
.field url:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public a(Ljava/lang/String;)Lf/c;
    .locals 0
    iput-object p1, p0, Lf/c;->url:Ljava/lang/String;
    return-object p0
.end method

.method public b(Lf/d;)Lf/c;
    .locals 0
    iput-object p1, p0, Lf/c;->body:Lf/d;
    return-object p0
.end method

.method public c()Lf/b;
    .locals 3
    new-instance v0, Lf/b;
    iget-object v1, p0, Lf/c;->url:Ljava/lang/String;
    iget-object v2, p0, Lf/c;->body:Lf/d;
    invoke-direct {v0, v1, v2}, Lf/b;-><init>(Ljava/lang/String;Lf/d;)V
    return-object v0
.end method
