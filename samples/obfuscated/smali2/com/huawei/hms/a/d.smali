.class public final Lcom/huawei/hms/a/d;
.super Ljava/lang/Object;
.source "SourceFile"


.field public static final SDK_VERSION:Ljava/lang/String; = "6.11.0.300"

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static a(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    .locals 5

    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v4
    const-string v0, "android_id"
    invoke-static {v4, v0}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0

    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V

    const-string v4, "appid="
    invoke-virtual {v1, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v1, p1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    const-string v4, "&androidId="
    invoke-virtual {v1, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v1, v0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    const-string v4, "&model="
    invoke-virtual {v1, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    sget-object v2, Landroid/os/Build;->MODEL:Ljava/lang/String;

    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v1

    const-string v2, "application/x-www-form-urlencoded"
    invoke-static {v2}, Lf/f;->a(Ljava/lang/String;)Lf/f;
    move-result-object v2
    invoke-static {v2, v1}, Lf/d;->a(Lf/f;Ljava/lang/String;)Lf/d;
    move-result-object v1
    new-instance v2, Lf/c;
    invoke-direct {v2}, Lf/c;-><init>()V
    const-string v3, "https://grs.dbankcloud.cn/grs/v3/routeby"
    invoke-virtual {v2, v3}, Lf/c;->a(Ljava/lang/String;)Lf/c;
    move-result-object v2
    invoke-virtual {v2, v1}, Lf/c;->b(Lf/d;)Lf/c;
    move-result-object v2
    invoke-virtual {v2}, Lf/c;->c()Lf/b;
    move-result-object v2
    new-instance v3, Lf/a;
    invoke-direct {v3}, Lf/a;-><init>()V
    invoke-virtual {v3, v2}, Lf/a;->a(Lf/b;)Lf/g;
    move-result-object v3
    invoke-interface {v3}, Lf/g;->a()Lf/i;
    const-string v0, "IQAAAACy0demo-token"
    return-object v0
.end method
