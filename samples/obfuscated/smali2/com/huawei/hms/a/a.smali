.class public Lcom/huawei/hms/a/a;
.super Ljava/lang/Object;
.source "SourceFile"


.field private final context:Landroid/content/Context;

.method private constructor <init>(Landroid/content/Context;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/huawei/hms/a/a;->context:Landroid/content/Context;
    return-void
.end method

.method public static a(Landroid/content/Context;)Lcom/huawei/hms/a/a;
    .locals 1
    new-instance v0, Lcom/huawei/hms/a/a;
    invoke-direct {v0, p0}, Lcom/huawei/hms/a/a;-><init>(Landroid/content/Context;)V
    return-object v0
.end method

.method public b(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;
    .locals 1
    iget-object v0, p0, Lcom/huawei/hms/a/a;->context:Landroid/content/Context;
    invoke-static {v0, p1}, Lcom/huawei/hms/a/d;->a(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
