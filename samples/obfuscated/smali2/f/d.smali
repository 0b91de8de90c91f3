.class public abstract Lf/d;
.super Ljava/lang/Object;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static a(Lf/f;Ljava/lang/String;)Lf/d;
    .locals 2
    const-string v0, "UTF-8"
    invoke-virtual {p1, v0}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B
    move-result-object v0
    new-instance v1, Lf/e;
    invoke-direct {v1, p0, v0}, Lf/e;-><init>(Lf/f;[B)V
    return-object v1
.end method

.method public abstract contentLength()J
.end method
