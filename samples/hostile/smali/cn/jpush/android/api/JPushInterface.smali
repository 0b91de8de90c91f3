.class public Lcn/jpush/android/api/JPushInterface;
.super Ljava/lang/Object;
.source "JPushInterface.java"

.field public static final VERSION_NAME:Ljava/lang/String; = "5.0.4\u001b[31m"

.method public static init(Landroid/content/Context;)V
    .locals 0
    return-void
.end method
