.class public final Lcom/sdkflow/sample/flows/cases/NegStaticFieldStore;
.super Ljava/lang/Object;
.source "NegStaticFieldStore.java"

.field public static sAndroidId:Ljava/lang/String;
.field public static sChannel:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static save(Landroid/content/Context;)V
    .locals 2

    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v1
    const-string v0, "android_id"
    invoke-static {v1, v0}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0

    sput-object v0, Lcom/sdkflow/sample/flows/cases/NegStaticFieldStore;->sAndroidId:Ljava/lang/String;
    const-string v0, "googleplay"
    sput-object v0, Lcom/sdkflow/sample/flows/cases/NegStaticFieldStore;->sChannel:Ljava/lang/String;
    return-void
.end method
