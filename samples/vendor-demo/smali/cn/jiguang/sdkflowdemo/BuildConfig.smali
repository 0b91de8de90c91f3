.class public final Lcn/jiguang/sdkflowdemo/BuildConfig;
.super Ljava/lang/Object;
.source "BuildConfig.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.field public static final APPLICATION_ID:Ljava/lang/String; = "cn.jiguang.sdkflowdemo"
.field public static final VERSION_NAME:Ljava/lang/String; = "1.0"
