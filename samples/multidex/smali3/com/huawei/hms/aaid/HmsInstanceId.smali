.class public Lcom/huawei/hms/aaid/HmsInstanceId;
.super Ljava/lang/Object;
.source "HmsInstanceId.java"


.field private final context:Landroid/content/Context;

.method private constructor <init>(Landroid/content/Context;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/huawei/hms/aaid/HmsInstanceId;->context:Landroid/content/Context;
    return-void
.end method

.method public static getInstance(Landroid/content/Context;)Lcom/huawei/hms/aaid/HmsInstanceId;
    .locals 1
    new-instance v0, Lcom/huawei/hms/aaid/HmsInstanceId;
    invoke-direct {v0, p0}, Lcom/huawei/hms/aaid/HmsInstanceId;-><init>(Landroid/content/Context;)V
    return-object v0
.end method

.method public getToken(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;
    .locals 1
    iget-object v0, p0, Lcom/huawei/hms/aaid/HmsInstanceId;->context:Landroid/content/Context;
    invoke-static {v0, p1}, Lcom/huawei/hms/opendevice/OpenDeviceReporter;->report(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
