.class public final Lf/b;
.super Ljava/lang/Object;
.source "SourceFile"


.field final body:Lf/d;
.field final url:Ljava/lang/String;

.method constructor <init>(Ljava/lang/String;Lf/d;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lf/b;->url:Ljava/lang/String;
    iput-object p2, p0, Lf/b;->body:Lf/d;
    return-void
.end method
