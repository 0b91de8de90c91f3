.class public final Lcom/tencent/mm/opensdk/constants/Build;
.super Ljava/lang/Object;
.source "WXBuild.java"


.field public static final SDK_INT:I = 0x27020201
.field public static final SDK_VERSION_NAME:Ljava/lang/String; = "android 6.8.24"

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
