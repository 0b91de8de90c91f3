.class public final Lcom/sdkflow/demo/mall/BuildConfig;
.super Ljava/lang/Object;
.source "SourceFile"


.field public static final APPLICATION_ID:Ljava/lang/String; = "com.sdkflow.demo.mall"
.field public static final BUILD_TYPE:Ljava/lang/String; = "release"
.field public static final DEBUG:Z = false
.field public static final VERSION_CODE:I = 0x4f5e
.field public static final VERSION_NAME:Ljava/lang/String; = "2.3.18"

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
