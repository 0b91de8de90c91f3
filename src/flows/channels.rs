//! Framework channels: places where Android hands a value from one app method to another
//! without a call between them. Each channel is a pseudo-field of the field-based heap
//! (written where the app gives the framework a value, read as a parameter of the method
//! the framework later calls), so the solver's field fixpoint carries taint across.
//!
//! | channel | written by | read as |
//! |---|---|---|
//! | saved instance state | the `Bundle` an `onSaveInstanceState` fills | the `Bundle` of `onCreate`, `onRestoreInstanceState`, `onPostCreate`, `onViewStateRestored`, `onActivityCreated`, `onCreateView` |
//! | AsyncTask parameters | arguments of `execute` / `executeOnExecutor` on an app `AsyncTask` | parameter of `doInBackground` |
//! | AsyncTask progress | arguments of `publishProgress` | parameter of `onProgressUpdate` |
//! | AsyncTask result | the value `doInBackground` returns | parameter of `onPostExecute` |
//! | messages | the `Message` given to `Handler.send*` / `dispatchMessage`, `Messenger.send`, `Message.sendToTarget` | parameter of `handleMessage` |
//!
//! Channels are keyed by class, not by object: a call naming an app class (the task, the
//! handler, the activity saving its state) feeds that class's channel, read by the class
//! and its subclasses; a call through the framework type (`Handler` held in a field typed
//! `Handler`) feeds the app-wide channel every reader sees.

/// One framework channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// `onSaveInstanceState` → `onCreate(Bundle)`.
    SavedState,
    /// `AsyncTask.execute(args)` → `doInBackground(args)`.
    AsyncParams,
    /// `publishProgress(values)` → `onProgressUpdate(values)`.
    AsyncProgress,
    /// `doInBackground` result → `onPostExecute(result)`.
    AsyncResult,
    /// `Handler.sendMessage(msg)` → `handleMessage(msg)`.
    Message,
}

impl Channel {
    /// The pseudo-field name (interned under a class no dex can define).
    pub fn name(self) -> &'static [u8] {
        match self {
            Channel::SavedState => b"saved-instance-state",
            Channel::AsyncParams => b"async-task-params",
            Channel::AsyncProgress => b"async-task-progress",
            Channel::AsyncResult => b"async-task-result",
            Channel::Message => b"handler-message",
        }
    }
}

const ASYNC_TASK: &[u8] = b"Landroid/os/AsyncTask;";
const HANDLER: &[u8] = b"Landroid/os/Handler;";
const HANDLER_CALLBACK: &[u8] = b"Landroid/os/Handler$Callback;";

/// Methods whose `Bundle` parameter is the saved instance state.
const RESTORES_STATE: &[&[u8]] = &[
    b"onCreate",
    b"onRestoreInstanceState",
    b"onPostCreate",
    b"onViewStateRestored",
    b"onActivityCreated",
    b"onCreateView",
];

/// The channel a call writes its arguments into. `extends` answers whether the
/// referenced class is (or, as an app class, extends) a framework type.
pub fn written_by_call(name: &str, extends: &dyn Fn(&[u8]) -> bool) -> Option<Channel> {
    match name {
        "execute" | "executeOnExecutor" if extends(ASYNC_TASK) => Some(Channel::AsyncParams),
        "publishProgress" if extends(ASYNC_TASK) => Some(Channel::AsyncProgress),
        "sendMessage"
        | "sendMessageDelayed"
        | "sendMessageAtTime"
        | "sendMessageAtFrontOfQueue"
        | "dispatchMessage"
            if extends(HANDLER) =>
        {
            Some(Channel::Message)
        }
        "send" if extends(b"Landroid/os/Messenger;") => Some(Channel::Message),
        "sendToTarget" if extends(b"Landroid/os/Message;") => Some(Channel::Message),
        _ => None,
    }
}

/// What a method reads from channels: (parameter type it applies to, channel) for a
/// method named `name` whose class has the supertypes `extends` answers for.
pub fn read_by_method(
    name: &[u8],
    extends: &dyn Fn(&[u8]) -> bool,
) -> Option<(Option<&'static [u8]>, Channel)> {
    if RESTORES_STATE.contains(&name) {
        return Some((Some(b"Landroid/os/Bundle;"), Channel::SavedState));
    }
    match name {
        b"doInBackground" if extends(ASYNC_TASK) => Some((None, Channel::AsyncParams)),
        b"onProgressUpdate" if extends(ASYNC_TASK) => Some((None, Channel::AsyncProgress)),
        b"onPostExecute" if extends(ASYNC_TASK) => Some((None, Channel::AsyncResult)),
        b"handleMessage" if extends(HANDLER) || extends(HANDLER_CALLBACK) => {
            Some((None, Channel::Message))
        }
        _ => None,
    }
}

/// The channel a method's return value goes to.
pub fn written_by_return(name: &[u8], extends: &dyn Fn(&[u8]) -> bool) -> Option<Channel> {
    (name == b"doInBackground" && extends(ASYNC_TASK)).then_some(Channel::AsyncResult)
}

/// The channel what a method stores into its first declared parameter goes to.
pub fn written_into_param(name: &[u8]) -> Option<Channel> {
    (name == b"onSaveInstanceState").then_some(Channel::SavedState)
}
