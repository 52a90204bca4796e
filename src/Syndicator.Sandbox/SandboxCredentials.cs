namespace Syndicator.Sandbox;

/// <summary>The fixed credentials a client must use to talk to the sandbox's emulators.</summary>
public static class SandboxCredentials
{
    /// <summary>An SSCMS API key (<c>X-SS-API-KEY</c>) of the <c>/bureau</c> emulator with the Contents scope.</summary>
    public const string BureauApiKey = "5f0c9a6e-3d2b-4c1a-9e7f-8b6d4a2c1e03";

    /// <summary>A valid SSCMS API key of the <c>/bureau</c> emulator that lacks the Contents scope: 401 on contents routes.</summary>
    public const string BureauApiKeyWithoutContentsScope = "a7d3e1b9-6c4f-4e2a-b8d0-2f5c7e9a1b46";

    /// <summary>The one site the <c>/bureau</c> emulator holds.</summary>
    public const int BureauSiteId = 1;

    /// <summary>The channel (栏目 "工作动态") of <see cref="BureauSiteId"/> that the default profile publishes to.</summary>
    public const int BureauChannelId = 2;

    /// <summary>The AppID of the one Official Account the <c>/wechat</c> emulator holds; any other answers 40013.</summary>
    public const string WeChatAppId = "wx7c3e9a1f5b2d4e60";

    /// <summary>The AppSecret of <see cref="WeChatAppId"/>; a wrong one answers 40001 on <c>cgi-bin/token</c>, 40125 on <c>stable_token</c>.</summary>
    public const string WeChatAppSecret = "3f9b2c7e1a5d4086b8e2c6f1a9d3e7b5";

    /// <summary>The <c>grant_type</c> both token endpoints require; any other answers 40002.</summary>
    public const string WeChatGrantType = "client_credential";

    /// <summary>The receive-interface user (<c>userid</c>) of the <c>/portal</c> emulator (Hanweb JCMS style); any other is refused.</summary>
    public const string PortalUserId = "txslj_push";

    /// <summary>The password of <see cref="PortalUserId"/>; a wrong one is refused.</summary>
    public const string PortalPassword = "Txsl#2026!receive";

    /// <summary>The column (栏目, <c>columnid</c>) "政府信息公开目录" of the <c>/portal</c> emulator that the default profile publishes to.</summary>
    public const int PortalColumnId = 1229001;

    /// <summary>A second column ("政策文件") of the <c>/portal</c> emulator, for a category mapped to a column of its own.</summary>
    public const int PortalPolicyColumnId = 1229002;
    /// <summary>The WCM user of the <c>/approval</c> emulator (login form field <c>UserName</c>).</summary>
    public const string ApprovalUserName = "txsp_push";

    /// <summary>The password of <see cref="ApprovalUserName"/> (login form field <c>PassWord</c>); any other is refused.</summary>
    public const string ApprovalPassword = "Tx-sp#2026-wcm";

    /// <summary>The WCM channel (栏目 "审批公告") of the <c>/approval</c> emulator that the default profile publishes to.</summary>
    public const int ApprovalChannelId = 101;

    /// <summary>A second channel (栏目 "通知公告") of the <c>/approval</c> emulator, for categories mapped elsewhere.</summary>
    public const int ApprovalNoticeChannelId = 102;

    /// <summary>The one metadata view (元数据视图 "政府信息公开") of the <c>/approval</c> emulator.</summary>
    public const int ApprovalViewId = 1;

    /// <summary>
    /// The Standard Webhooks signing secret of the <c>/webhook</c> receiver (<c>whsec_</c> + base64 of 32 bytes); an
    /// event signed with any other key is refused with 401.
    /// </summary>
    public const string WebhookSecret = "whsec_ar0MvAuD0vb1ew5mwMhDzUFpEXPyZNrEU+JVuMZk8e4=";

    /// <summary>
    /// The Standard Webhooks secret the sandbox's event receiver (<c>/_sandbox/events</c>) verifies the service's events
    /// with; the sandbox profile gives it to the subscription it defines.
    /// </summary>
    public const string EventsSecret = "whsec_MfKQ9r3hBWmV4tSg0cZqY1uXo8nLpE2dRjA7kHwIe5s=";

    /// <summary>The organisation code the sandbox profile forms 索引号 with when the configuration has none (9 characters).</summary>
    public const string OrganisationCode = "SANDBOX01";
}
