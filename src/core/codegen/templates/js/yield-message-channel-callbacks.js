// Gives the thread back until a MessageChannel message arrives: a new task, at once, so
// timers, input and frames get their turn first.
function yieldWithMessageChannel(callback) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
        channel.port1.close();
        channel.port2.close();
        callback();
    };
    channel.port2.postMessage(null);
}
