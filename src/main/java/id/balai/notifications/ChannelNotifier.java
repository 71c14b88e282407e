package id.balai.notifications;

import java.util.List;
import org.springframework.stereotype.Service;

/** Hands each notification to the channel that serves its recipient. */
@Service
class ChannelNotifier implements Notifier {

    private final List<NotificationChannel> channels;

    ChannelNotifier(List<NotificationChannel> channels) {
        this.channels = List.copyOf(channels);
    }

    @Override
    public void send(Notification notification) {
        channels.stream().filter(c -> c.accepts(notification.recipient())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no channel for " + notification))
                .deliver(notification);
    }
}
