package nl.incidents.kernel.incident;

/** Where the discussion takes place. */
public enum Platform {
    FACEBOOK, X_TWITTER, INSTAGRAM, WHATSAPP_GROUP, YOUTUBE, TIKTOK, SNAPCHAT, LINKEDIN, FORUM, BLOG,
    SOCIAL_SCHOOLS, OTHER
}
