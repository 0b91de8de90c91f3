.class public final Lcom/sdkflow/sample/basic/BuildConfig;
.super Ljava/lang/Object;
.source "BuildConfig.java"

.field public static final APPLICATION_ID:Ljava/lang/String; = "com.sdkflow.sample.basic"
.field public static final BUILD_TYPE:Ljava/lang/String; = "debug"
.field public static final DEBUG:Z = true
.field public static final VERSION_CODE:I = 0x8e
.field public static final VERSION_NAME:Ljava/lang/String; = "1.4.2"

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
