namespace Syndicator.Sandbox.WeChat;

/// <summary>The errcodes the emulator answers by its own rules, with the platform's errmsg (reference/wechat-api.md §1, §7).</summary>
internal static class WeChatErrors
{
    public const int InvalidCredential = 40001;
    public const int InvalidGrantType = 40002;
    public const int InvalidMediaType = 40004;
    public const int InvalidFileType = 40005;
    public const int InvalidMediaId = 40007;
    public const int InvalidMessageType = 40008;
    public const int ImageTooLarge = 40009;
    public const int InvalidAppId = 40013;
    public const int InvalidAccessToken = 40014;
    public const int InvalidMsgId = 40059;
    public const int InvalidAppSecret = 40125;
    public const int AccessTokenMissing = 41001;
    public const int AppIdMissing = 41002;
    public const int AppSecretMissing = 41004;
    public const int MediaDataMissing = 41005;
    public const int AccessTokenExpired = 42001;
    public const int RequirePost = 43002;
    public const int EmptyPostData = 44002;
    public const int EmptyNewsData = 44003;
    public const int ContentSizeOutOfLimit = 45002;
    public const int TitleSizeOutOfLimit = 45003;
    public const int DescriptionSizeOutOfLimit = 45004;
    public const int ArticleSizeOutOfLimit = 45008;
    public const int DailyQuota = 45009;
    public const int NoMassSendQuota = 45028;
    public const int ClientMsgIdExists = 45065;
    public const int ClientMsgIdTooFast = 45066;
    public const int ClientMsgIdTooLong = 45067;
    public const int AuthorSizeOutOfLimit = 45110;
    public const int DataFormatError = 47001;
    public const int ClearQuotaForbidden = 48006;
    public const int CoverCropFailed = 53402;
    public const int InvalidArticleId = 53600;
    public const int InvalidCgiPath = 76021;

    public static string Message(int errcode) => errcode switch
    {
        InvalidCredential => "invalid credential, access_token is invalid or not latest",
        InvalidGrantType => "invalid grant_type",
        InvalidMediaType => "invalid media type",
        InvalidFileType => "invalid file type",
        InvalidMediaId => "invalid media_id",
        InvalidMessageType => "invalid message type",
        ImageTooLarge => "invalid image size",
        InvalidAppId => "invalid appid",
        InvalidAccessToken => "invalid access_token",
        InvalidMsgId => "invalid msg id",
        InvalidAppSecret => "invalid appsecret",
        AccessTokenMissing => "access_token missing",
        AppIdMissing => "appid missing",
        AppSecretMissing => "appsecret missing",
        MediaDataMissing => "media data missing",
        AccessTokenExpired => "access_token expired",
        RequirePost => "require POST method",
        EmptyPostData => "empty post data",
        EmptyNewsData => "empty news data",
        ContentSizeOutOfLimit => "content size out of limit",
        TitleSizeOutOfLimit => "title size out of limit",
        DescriptionSizeOutOfLimit => "description size out of limit",
        ArticleSizeOutOfLimit => "article size out of limit",
        DailyQuota => "reach max api daily quota limit",
        NoMassSendQuota => "has no masssend quota",
        ClientMsgIdExists => "clientmsgid exist",
        ClientMsgIdTooFast => "same clientmsgid retry too fast",
        ClientMsgIdTooLong => "clientmsgid size out of limit",
        AuthorSizeOutOfLimit => "author size out of limit",
        DataFormatError => "data format error",
        ClearQuotaForbidden => "forbid to clear quota because of reaching the limit",
        CoverCropFailed => "封面裁剪失败，请检查裁剪参数后重试",
        InvalidArticleId => "invalid article_id",
        InvalidCgiPath => "invalid cgi_path",
        _ => "system error",
    };
}
