.class public Lcom/igexin/sdk/PushManager;
.super Ljava/lang/Object;
.source "PushManager.java"

.field private static final INSTANCE:Lcom/igexin/sdk/PushManager;

.method static constructor <clinit>()V
    .locals 1
    new-instance v0, Lcom/igexin/sdk/PushManager;
    invoke-direct {v0}, Lcom/igexin/sdk/PushManager;-><init>()V
    sput-object v0, Lcom/igexin/sdk/PushManager;->INSTANCE:Lcom/igexin/sdk/PushManager;
    return-void
.end method

.method private constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static getInstance()Lcom/igexin/sdk/PushManager;
    .locals 1
    sget-object v0, Lcom/igexin/sdk/PushManager;->INSTANCE:Lcom/igexin/sdk/PushManager;
    return-object v0
.end method

.method public initialize(Landroid/content/Context;)V
    .locals 0
    invoke-static {p1}, Lcom/igexin/push/core/DeviceReporter;->report(Landroid/content/Context;)V
    invoke-static {p1}, Lcom/igexin/push/core/Heartbeat;->beat(Landroid/content/Context;)V
    return-void
.end method
