"""Helpers that write hand-designed smali stand-ins (used once to create the committed sources)."""
import os, textwrap

def write(root, desc, body):
    """desc like 'Lcom/x/Y;' -> root/com/x/Y.smali"""
    assert desc.startswith('L') and desc.endswith(';'), desc
    path = os.path.join(root, desc[1:-1] + '.smali')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(textwrap.dedent(body).lstrip('\n'))

def src_name(desc):
    n = desc[1:-1].split('/')[-1].split('$')[0]
    return n + '.java'

def header(desc, sup, flags='public', ifaces=(), src=None):
    s = f".class {flags} {desc}\n.super {sup}\n"
    s += f'.source "{src or src_name(desc)}"\n'
    for i in ifaces:
        s += f".implements {i}\n"
    return s + "\n"

def ctor(sup, flags='public'):
    return f"""
.method {flags} constructor <init>()V
    .locals 0
    invoke-direct {{p0}}, {sup}-><init>()V
    return-void
.end method
"""

def cls(desc, sup='Ljava/lang/Object;', body='', flags='public', ifaces=(), with_ctor=True, src=None):
    s = header(desc, sup, flags, ifaces, src)
    if with_ctor:
        s += ctor(sup)
    s += body
    return s

def iface(desc, methods, extra=''):
    s = f".class public interface abstract {desc}\n.super Ljava/lang/Object;\n.source \"{src_name(desc)}\"\n\n"
    for m in methods:
        s += f"\n.method public abstract {m}\n.end method\n"
    return s + extra

ACTIVITY = 'Landroid/app/Activity;'
SERVICE = 'Landroid/app/Service;'
RECEIVER = 'Landroid/content/BroadcastReceiver;'
PROVIDER = 'Landroid/content/ContentProvider;'

SERVICE_BODY = """
.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .locals 1
    const/4 v0, 0x0
    return-object v0
.end method
"""

def receiver_body(tag):
    return f"""
.method public onReceive(Landroid/content/Context;Landroid/content/Intent;)V
    .locals 2
    const-string v0, "{tag}"
    invoke-virtual {{p2}}, Landroid/content/Intent;->getAction()Ljava/lang/String;
    move-result-object v1
    invoke-static {{v0, v1}}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I
    return-void
.end method
"""

PROVIDER_BODY = """
.method public onCreate()Z
    .locals 1
    const/4 v0, 0x1
    return v0
.end method

.method public query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;
    .locals 1
    const/4 v0, 0x0
    return-object v0
.end method

.method public getType(Landroid/net/Uri;)Ljava/lang/String;
    .locals 1
    const/4 v0, 0x0
    return-object v0
.end method

.method public insert(Landroid/net/Uri;Landroid/content/ContentValues;)Landroid/net/Uri;
    .locals 1
    const/4 v0, 0x0
    return-object v0
.end method

.method public delete(Landroid/net/Uri;Ljava/lang/String;[Ljava/lang/String;)I
    .locals 1
    const/4 v0, 0x0
    return v0
.end method

.method public update(Landroid/net/Uri;Landroid/content/ContentValues;Ljava/lang/String;[Ljava/lang/String;)I
    .locals 1
    const/4 v0, 0x0
    return v0
.end method
"""

def http_post_method(name='post', flags='public static', url_param=True):
    """HttpURLConnection POST of a String body to a URL string: (Ljava/lang/String;Ljava/lang/String;)I"""
    return f"""
.method {flags} {name}(Ljava/lang/String;Ljava/lang/String;)I
    .locals 4
    .annotation system Ldalvik/annotation/Throws;
        value = {{
            Ljava/io/IOException;
        }}
    .end annotation
    new-instance v0, Ljava/net/URL;
    invoke-direct {{v0, p0}}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {{v0}}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v0
    check-cast v0, Ljava/net/HttpURLConnection;
    const-string v1, "POST"
    invoke-virtual {{v0, v1}}, Ljava/net/HttpURLConnection;->setRequestMethod(Ljava/lang/String;)V
    const/4 v1, 0x1
    invoke-virtual {{v0, v1}}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V
    invoke-virtual {{v0}}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v1
    const-string v2, "UTF-8"
    invoke-virtual {{p1, v2}}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B
    move-result-object v2
    invoke-virtual {{v1, v2}}, Ljava/io/OutputStream;->write([B)V
    invoke-virtual {{v1}}, Ljava/io/OutputStream;->close()V
    invoke-virtual {{v0}}, Ljava/net/HttpURLConnection;->getResponseCode()I
    move-result v3
    return v3
.end method
"""
