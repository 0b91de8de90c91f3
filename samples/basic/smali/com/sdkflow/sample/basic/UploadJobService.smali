.class public Lcom/sdkflow/sample/basic/UploadJobService;
.super Landroid/app/job/JobService;
.source "UploadJobService.java"

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/job/JobService;-><init>()V
    return-void
.end method

.method public onStartJob(Landroid/app/job/JobParameters;)Z
    .registers 3
    const/4 v0, 0x0
    return v0
.end method

.method public onStopJob(Landroid/app/job/JobParameters;)Z
    .registers 3
    const/4 v0, 0x0
    return v0
.end method
