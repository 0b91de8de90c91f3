.class final Lf/e;
.super Lf/d;
.source "SourceFile"


.field final content:[B
.field final contentType:Lf/f;

.method constructor <init>(Lf/f;[B)V
    .locals 0
    invoke-direct {p0}, Lf/d;-><init>()V
    iput-object p1, p0, Lf/e;->contentType:Lf/f;
    iput-object p2, p0, Lf/e;->content:[B
    return-void
.end method

.method public contentLength()J
    .locals 2
    iget-object v0, p0, Lf/e;->content:[B
    array-length v0, v0
    int-to-long v0, v0
    return-wide v0
.end method
