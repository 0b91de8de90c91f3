.class public La/b/a;
.super Ljava/lang/Object;
.source "SourceFile"


.field private context:Landroid/content/Context;
.field private listener:La/b/c;
.field private option:La/b/b;

.method public constructor <init>(Landroid/content/Context;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, La/b/a;->context:Landroid/content/Context;
    return-void
.end method

.method public static a(Landroid/content/Context;ZZ)V
    .locals 0
    return-void
.end method

.method public static b(Landroid/content/Context;Z)V
    .locals 0
    return-void
.end method

.method public static d(Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public static a()Ljava/lang/String;
    .locals 1
    const-string v0, "6.4.0"
    return-object v0
.end method

.method public c(La/b/b;)V
    .locals 0
    iput-object p1, p0, La/b/a;->option:La/b/b;
    return-void
.end method

.method public a(La/b/c;)V
    .locals 0
    iput-object p1, p0, La/b/a;->listener:La/b/c;
    return-void
.end method

.method public b()V
    .locals 3
    iget-object v0, p0, La/b/a;->context:Landroid/content/Context;
    invoke-static {v0}, La/b/e;->a(Landroid/content/Context;)La/b/d;
    move-result-object v1
    iget-object v2, p0, La/b/a;->listener:La/b/c;
    if-eqz v2, :done
    invoke-interface {v2, v1}, La/b/c;->a(La/b/d;)V
    :done
    return-void
.end method
