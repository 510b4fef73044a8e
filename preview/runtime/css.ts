/**
 * Default styles: WeChat's built-in components (WeUI's look, as the client draws them), then the
 * phone frame and the preview toolbar. Built-ins come first so app and page WXSS override them.
 */

export const BUILTIN_CSS = `
page{display:block;min-height:100%;font-size:16px;line-height:normal;color:#000;-webkit-tap-highlight-color:transparent;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Helvetica Neue","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif}
page *{box-sizing:border-box}
wx-view,wx-cover-view,wx-label,wx-form,wx-navigator,wx-scroll-view,wx-swiper-item,wx-rich-text,wx-movable-area,wx-checkbox-group,wx-radio-group,wx-picker-view,wx-page-container,wx-root-portal{display:block}
wx-text{display:inline;white-space:pre-line;word-wrap:break-word}
wx-text[space=nbsp],wx-text[space=ensp],wx-text[space=emsp]{white-space:pre-wrap}
wx-text[selectable],wx-text[user-select]{user-select:text}
wx-image,wx-cover-image{display:inline-block;position:relative;overflow:hidden;width:320px;height:240px}
wx-image>img,wx-cover-image>img{display:block;width:100%;height:100%;-webkit-user-drag:none}
wx-image[mode=widthFix]{height:auto}wx-image[mode=widthFix]>img{height:auto}
wx-image[mode=heightFix]{width:auto}wx-image[mode=heightFix]>img{width:auto}
wx-image.pv-img-error>img{visibility:hidden}
wx-icon{display:inline-block;vertical-align:middle;font-size:0}
wx-icon>svg{display:block}
wx-progress{display:flex;align-items:center}
.pv-progress__bar{flex:1;overflow:hidden}
.pv-progress__inner{height:100%;width:0}
.pv-progress__info{margin-left:15px;min-width:2em;font-size:16px}
wx-canvas{display:block;position:relative;width:300px;height:150px}
wx-canvas>canvas{display:block;width:100%;height:100%}
wx-scroll-view{overflow:hidden;position:relative}
wx-scroll-view[scroll-y]{overflow-y:auto;-webkit-overflow-scrolling:touch}
wx-scroll-view[scroll-x]{overflow-x:auto;white-space:nowrap}
wx-scroll-view[enable-flex]{display:flex}
wx-swiper{display:flex;overflow-x:auto;scroll-snap-type:x mandatory;height:150px;position:relative}
wx-swiper[vertical]{flex-direction:column;overflow-y:auto;overflow-x:hidden;scroll-snap-type:y mandatory}
wx-swiper-item{flex:0 0 100%;width:100%;height:100%;scroll-snap-align:start;overflow:hidden}
wx-map,wx-video,wx-camera,wx-live-player,wx-live-pusher,wx-web-view{display:block;background:#e6e6e6;min-height:150px}
.navigator-hover{background-color:rgba(0,0,0,.1);opacity:.7}

wx-button{position:relative;display:block;margin-left:auto;margin-right:auto;padding-left:14px;padding-right:14px;box-sizing:border-box;font-size:18px;text-align:center;text-decoration:none;line-height:2.55555556;border-radius:5px;-webkit-tap-highlight-color:transparent;overflow:hidden;color:#000;background-color:#f8f8f8;cursor:pointer;user-select:none}
wx-button::after{content:" ";width:200%;height:200%;position:absolute;top:0;left:0;border:1px solid rgba(0,0,0,.2);transform:scale(.5);transform-origin:0 0;box-sizing:border-box;border-radius:10px;pointer-events:none}
wx-button[type=primary]{color:#fff;background-color:#1aad19}
wx-button[type=warn]{color:#fff;background-color:#e64340}
wx-button[size=mini]{display:inline-block;line-height:2.3;font-size:13px;padding:0 1.34em}
wx-button[plain]{color:#353535;border:1px solid #353535;background-color:transparent}
wx-button[plain]::after{border-width:0}
wx-button[type=primary][plain]{color:#1aad19;border-color:#1aad19;background-color:transparent}
wx-button[type=warn][plain]{color:#e64340;border-color:#e64340;background-color:transparent}
wx-button[disabled]{color:rgba(0,0,0,.3);background-color:#f7f7f7;cursor:not-allowed}
wx-button[disabled][type=primary]{background-color:#9ed99d;color:rgba(255,255,255,.6)}
wx-button[disabled][type=warn]{background-color:#ec8b89;color:rgba(255,255,255,.6)}
wx-button.button-hover{color:rgba(0,0,0,.6);background-color:#dedede}
wx-button[type=primary].button-hover{color:rgba(255,255,255,.6);background-color:#179b16}
wx-button[type=warn].button-hover{color:rgba(255,255,255,.6);background-color:#ce3c39}
wx-button[loading]::before{content:"";display:inline-block;width:18px;height:18px;margin:-.2em 6px 0 0;vertical-align:middle;border-radius:50%;border:2px solid currentColor;border-right-color:transparent;animation:pv-spin 1s linear infinite;box-sizing:border-box}
.pv-v2 wx-button{width:184px;padding:12px 24px;font-size:17px;font-weight:700;line-height:1.41176471;border-radius:8px;color:#06ae56;background-color:#f2f2f2}
.pv-v2 wx-button::after{display:none}
.pv-v2 wx-button[type=primary]{color:#fff;background-color:#07c160}
.pv-v2 wx-button[type=warn]{color:#fa5151;background-color:#f2f2f2}
.pv-v2 wx-button[size=mini]{width:auto;padding:0 .75em;line-height:2;font-size:16px;border-radius:4px}
.pv-v2 wx-button[plain]{color:#000;border:1px solid rgba(0,0,0,.2);background-color:transparent}
.pv-v2 wx-button[type=primary][plain]{color:#07c160;border-color:#07c160}
.pv-v2 wx-button[type=warn][plain]{color:#fa5151;border-color:#fa5151}
.pv-v2 wx-button[disabled]{color:rgba(0,0,0,.2);background-color:#f2f2f2}
.pv-v2 wx-button[disabled][plain]{background-color:transparent;border-color:rgba(0,0,0,.1)}
.pv-v2 wx-button.button-hover{background-color:#e6e6e6}
.pv-v2 wx-button[type=primary].button-hover{color:#fff;background-color:#06ad56}
.pv-v2 wx-button[type=warn].button-hover{background-color:#e6e6e6}

wx-input{display:block;height:1.4rem;min-height:1.4rem;overflow:hidden;cursor:text}
wx-textarea{display:block;position:relative;width:300px;height:150px;cursor:text}
wx-textarea[auto-height]{height:auto;min-height:1.4rem}
.pv-field{display:block;width:100%;height:100%;margin:0;padding:0;border:0;outline:0;background:transparent;font:inherit;color:inherit;text-align:inherit;line-height:inherit;resize:none}
.pv-field::placeholder{color:rgba(0,0,0,.3)}
wx-input[disabled],wx-textarea[disabled]{opacity:.6}

wx-switch{display:inline-block;vertical-align:middle;cursor:pointer;--pv-switch-color:#07c160}
.pv-switch{position:relative;display:block;width:52px;height:32px;border-radius:16px;background:#e5e5e5;transition:background .2s}
.pv-switch::before{content:"";position:absolute;inset:1px;border-radius:15px;background:#fdfdfd;transform:scale(1);transition:transform .3s}
.pv-switch::after{content:"";position:absolute;top:0;left:0;width:30px;height:30px;margin:1px;border-radius:15px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.4);transition:transform .3s}
wx-switch[checked] .pv-switch{background:var(--pv-switch-color)}
wx-switch[checked] .pv-switch::before{transform:scale(0)}
wx-switch[checked] .pv-switch::after{transform:translateX(20px)}
wx-switch[disabled]{opacity:.5;cursor:not-allowed}
wx-switch[type=checkbox] .pv-switch{width:22px;height:22px;border-radius:3px;border:1px solid #d1d1d1;background:#fff}
wx-switch[type=checkbox] .pv-switch::before,wx-switch[type=checkbox] .pv-switch::after{display:none}
wx-switch[type=checkbox][checked] .pv-switch{background:#fff}
wx-switch[type=checkbox][checked] .pv-switch::before{display:block;content:"";inset:4px 7px 7px 7px;border:solid var(--pv-switch-color);border-width:0 2px 2px 0;transform:rotate(45deg);border-radius:0;background:transparent}
wx-checkbox,wx-radio{display:inline-flex;align-items:center;cursor:pointer;--pv-check-color:#07c160}
.pv-checkbox,.pv-radio{position:relative;display:inline-block;width:22px;height:22px;margin-right:5px;border:1px solid #d1d1d1;background:#fff;vertical-align:middle;flex:none}
.pv-checkbox{border-radius:3px}
.pv-radio{border-radius:50%}
wx-checkbox[checked] .pv-checkbox::after{content:"";position:absolute;left:7px;top:3px;width:5px;height:10px;border:solid var(--pv-check-color);border-width:0 2px 2px 0;transform:rotate(45deg)}
wx-radio[checked] .pv-radio{background:var(--pv-check-color);border-color:var(--pv-check-color)}
wx-radio[checked] .pv-radio::after{content:"";position:absolute;left:7px;top:3px;width:5px;height:10px;border:solid #fff;border-width:0 2px 2px 0;transform:rotate(45deg)}
wx-checkbox[disabled],wx-radio[disabled]{opacity:.5}
wx-slider{display:flex;align-items:center;margin:10px 18px}
.pv-slider{flex:1;margin:0}
.pv-slider__value{margin-left:12px;min-width:2em;color:#888}
wx-picker{display:block;cursor:pointer}
@keyframes pv-spin{to{transform:rotate(360deg)}}
`;

export const CHROME_CSS = `
html,body{margin:0;padding:0;background:#e9ebee;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Helvetica Neue","WenQuanYi Micro Hei",sans-serif}
#pv-root{display:flex;flex-direction:column;align-items:center;padding:16px 12px 32px;min-height:100vh;box-sizing:border-box}
.pv-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;width:399px;box-sizing:border-box;margin-bottom:14px;padding:10px 14px;border-radius:14px;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.06);font-size:13px;color:#333}
.pv-toolbar__brand{font-weight:600;color:#07c160;margin-right:auto}
.pv-toolbar select{font:inherit;padding:4px 6px;border:1px solid #dcdcdc;border-radius:6px;background:#fafafa;max-width:190px}
.pv-toolbar label{display:inline-flex;align-items:center;gap:4px;cursor:pointer;user-select:none}
.pv-toolbar__path{flex-basis:100%;font:12px ui-monospace,Menlo,Consolas,monospace;color:#888;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.pv-toolbar__build-error{flex-basis:100%;margin:0;padding:8px 10px;border-radius:8px;background:#fff1f0;color:#c0392b;font:12px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all;max-height:220px;overflow:auto}
.pv-toolbar__warn{flex-basis:100%;color:#c87d0a;font-size:12px}
.pv-phone{position:relative;padding:12px;border-radius:54px;background:#1c1c1e;box-shadow:0 0 0 2px #3a3a3c,0 24px 60px rgba(0,0,0,.28)}
.pv-screen{position:relative;width:375px;height:812px;overflow:hidden;border-radius:42px;background:#fff;isolation:isolate;transform:translateZ(0)}
.pv-status{position:absolute;z-index:30;top:0;left:0;right:0;height:44px;display:flex;align-items:center;justify-content:space-between;padding:0 26px 0 32px;box-sizing:border-box;font-size:15px;font-weight:600;letter-spacing:-.2px}
.pv-status--over{background:transparent!important}
.pv-status__icons{display:flex;align-items:center;gap:5px}
.pv-status__icons svg{fill:currentColor}
.pv-battery{position:relative;width:24px;height:11px;border:1px solid currentColor;border-radius:3px;opacity:.9;box-sizing:border-box;padding:1px}
.pv-battery::after{content:"";position:absolute;right:-3px;top:3px;width:2px;height:4px;border-radius:0 1px 1px 0;background:currentColor}
.pv-battery>span{display:block;width:80%;height:100%;border-radius:1px;background:currentColor}
.pv-nav{position:absolute;z-index:20;top:44px;left:0;right:0;height:44px;display:flex;align-items:center;justify-content:center;box-sizing:border-box}
.pv-nav__back,.pv-nav__home{position:absolute;left:4px;top:0;height:44px;width:44px;display:flex;align-items:center;justify-content:center;border:0;background:none;color:inherit;cursor:pointer;padding:0}
.pv-nav__home{left:8px;width:36px;height:32px;top:6px;border-radius:16px;border:.5px solid rgba(0,0,0,.12);background:rgba(255,255,255,.6)}
.pv-nav__title{max-width:180px;display:flex;align-items:center;gap:6px;font-size:17px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.pv-nav__text{overflow:hidden;text-overflow:ellipsis}
.pv-nav__loading{display:none;width:14px;height:14px;border-radius:50%;border:2px solid currentColor;border-right-color:transparent;animation:pv-spin 1s linear infinite;opacity:.6}
.pv-capsule{position:absolute;z-index:40;top:50px;right:7px;width:87px;height:32px;display:flex;align-items:center;border-radius:16px;border:.5px solid rgba(0,0,0,.1);background:rgba(255,255,255,.6);box-sizing:border-box}
.pv-capsule button{flex:1;height:100%;border:0;background:none;padding:0;display:flex;align-items:center;justify-content:center;gap:3px;cursor:pointer;color:#000}
.pv-capsule__menu i{display:block;width:4px;height:4px;border-radius:2px;background:currentColor}
.pv-capsule__menu i.pv-big{width:6px;height:6px;border-radius:3px}
.pv-capsule__close span{display:block;width:16px;height:16px;border-radius:50%;border:2px solid currentColor;box-sizing:border-box;position:relative}
.pv-capsule__close span::after{content:"";position:absolute;left:50%;top:50%;width:5px;height:5px;margin:-2.5px;border-radius:50%;background:currentColor}
.pv-capsule__sep{width:.5px;height:18px;background:rgba(0,0,0,.15)}
.pv-capsule--dark{border-color:rgba(255,255,255,.25);background:rgba(0,0,0,.15)}
.pv-capsule--dark button{color:#fff}
.pv-capsule--dark .pv-capsule__sep{background:rgba(255,255,255,.3)}
.pv-viewport{position:absolute;left:0;right:0;top:88px;bottom:0;overflow:hidden}
.pv-frame{position:absolute;inset:0;overflow-x:hidden;overflow-y:auto;scrollbar-width:none}
.pv-frame::-webkit-scrollbar{display:none}
.pv-refresh{height:0;overflow:hidden;display:flex;align-items:center;justify-content:center;gap:6px;transition:height .2s;background:#ededed}
.pv-refresh i{width:6px;height:6px;border-radius:3px;background:rgba(0,0,0,.35);animation:pv-dots 1.2s infinite ease-in-out}
.pv-refresh--light i{background:rgba(255,255,255,.7)}
.pv-refresh i:nth-child(2){animation-delay:.2s}.pv-refresh i:nth-child(3){animation-delay:.4s}
@keyframes pv-dots{0%,80%,100%{opacity:.25}40%{opacity:1}}
.pv-tabbar{position:absolute;z-index:20;left:0;right:0;bottom:0;height:84px;padding-bottom:34px;box-sizing:border-box;display:flex;border-top:.5px solid rgba(0,0,0,.16)}
.pv-tab{position:relative;flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:3px;border:0;background:none;padding:0;cursor:pointer;font:inherit}
.pv-tab__icon{position:relative;width:24px;height:24px}
.pv-tab__icon img{width:24px;height:24px;display:block}
.pv-tab__icon--none{position:absolute;top:10px;left:50%;height:0}
.pv-tab__text{font-size:10px;line-height:1.2}
.pv-tab__badge{display:none;position:absolute;top:-3px;left:18px;min-width:16px;height:16px;padding:0 4px;box-sizing:border-box;border-radius:8px;background:#fa5151;color:#fff;font-size:11px;line-height:16px;text-align:center;white-space:nowrap}
.pv-tab__badge--text{display:block}
.pv-tab__badge--dot{display:block;min-width:8px;width:8px;height:8px;padding:0;left:22px;top:-1px}
.pv-tab__icon--none+.pv-tab__text{font-size:14px}
.pv-tab__icon--none .pv-tab__badge{top:-9px;left:0;transform:translateX(-50%)}
.pv-indicator{position:absolute;z-index:90;left:50%;bottom:8px;width:134px;height:5px;margin-left:-67px;border-radius:3px;background:#000;pointer-events:none}
.pv-errors{position:absolute;z-index:70;left:8px;right:8px;top:92px;display:flex;flex-direction:column;gap:4px;pointer-events:none}
.pv-errors__line{padding:6px 10px;border-radius:8px;background:rgba(250,81,81,.92);color:#fff;font-size:12px;line-height:1.4;word-break:break-all}
.pv-layer{position:absolute;inset:0;z-index:80;pointer-events:none}
.pv-layer>*{pointer-events:auto}
.pv-toast-wrap{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;pointer-events:none}
.pv-toast-wrap--mask{pointer-events:auto}
.pv-toast{width:136px;min-height:136px;box-sizing:border-box;padding:24px 12px 16px;border-radius:12px;background:rgba(76,76,76,.92);color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center}
.pv-toast--text{width:auto;min-height:0;max-width:70%;padding:12px 18px}
.pv-toast__icon{height:44px;display:flex;align-items:center;justify-content:center;margin-bottom:8px}
.pv-toast__img{width:40px;height:40px;margin-bottom:8px}
.pv-toast__title{font-size:15px;line-height:1.4;word-break:break-all}
.pv-spinner{display:inline-block;width:36px;height:36px;border-radius:50%;border:3px solid rgba(0,0,0,.2);border-top-color:rgba(0,0,0,.6);animation:pv-spin .9s linear infinite;box-sizing:border-box}
.pv-spinner--light{border-color:rgba(255,255,255,.25);border-top-color:#fff}
.pv-mask{position:absolute;inset:0;background:rgba(0,0,0,0);display:flex;align-items:center;justify-content:center;transition:background .16s}
.pv-mask--on{background:rgba(0,0,0,.6)}
.pv-dialog{width:320px;max-width:88%;border-radius:12px;background:#fff;overflow:hidden;text-align:center}
.pv-dialog__title{padding:32px 24px 16px;font-size:17px;font-weight:700;color:#000;line-height:1.4}
.pv-dialog__body{padding:0 24px 32px;font-size:17px;line-height:1.4;color:rgba(0,0,0,.5);white-space:pre-wrap;word-break:break-all}
.pv-dialog__body--only{padding-top:32px;color:#000}
.pv-dialog__input{display:block;width:calc(100% - 48px);margin:0 24px 24px;min-height:60px;border:0;border-radius:6px;padding:10px;box-sizing:border-box;background:#f7f7f7;font:inherit;font-size:16px;resize:none;outline:0}
.pv-dialog__foot{display:flex;border-top:.5px solid rgba(0,0,0,.1)}
.pv-dialog__btn{flex:1;height:56px;border:0;background:none;font-size:17px;font-weight:600;cursor:pointer;font-family:inherit}
.pv-dialog__btn+.pv-dialog__btn{border-left:.5px solid rgba(0,0,0,.1)}
.pv-dialog__btn--cancel{font-weight:400}
.pv-dialog__btn:active{background:#ececec}
.pv-sheet{position:absolute;left:0;right:0;bottom:0;transform:translateY(100%);transition:transform .2s ease-out;background:#f7f7f7;border-radius:12px 12px 0 0;overflow:hidden;padding-bottom:34px}
.pv-sheet--on{transform:translateY(0)}
.pv-mask:has(.pv-sheet){align-items:flex-end}
.pv-actions__alert{padding:16px 24px;font-size:14px;color:rgba(0,0,0,.5);text-align:center;background:#fff;border-bottom:.5px solid rgba(0,0,0,.1)}
.pv-actions__menu{background:#fff}
.pv-actions__item{display:block;width:100%;height:56px;border:0;background:#fff;font-size:17px;font-family:inherit;cursor:pointer}
.pv-actions__menu .pv-actions__item+.pv-actions__item{border-top:.5px solid rgba(0,0,0,.1)}
.pv-actions__item:active{background:#ececec}
.pv-actions__gap{height:8px}
.pv-half{background:#fff;max-height:75%;display:flex;flex-direction:column}
.pv-half__head{position:relative;height:56px;display:flex;align-items:center;justify-content:center;flex:none}
.pv-half__close{position:absolute;left:12px;top:10px;width:36px;height:36px;border:0;background:none;color:#000;cursor:pointer;display:flex;align-items:center;justify-content:center}
.pv-half__title{font-size:15px;font-weight:600}
.pv-half__body{padding:8px 24px 16px;overflow-y:auto;display:flex;flex-direction:column;gap:10px}
.pv-btn{display:block;width:184px;margin:0 auto;padding:12px 24px;border:0;border-radius:8px;font-size:17px;font-weight:700;line-height:1.41;cursor:pointer;font-family:inherit}
.pv-btn--primary{background:#07c160;color:#fff}
.pv-btn--primary:disabled{opacity:.6}
.pv-btn--default{background:#f2f2f2;color:#06ae56}
.pv-btn--warn{background:#f2f2f2;color:#fa5151}
.pv-pay{align-items:center;text-align:center}
.pv-pay__label{font-size:15px;color:rgba(0,0,0,.7);margin-top:4px}
.pv-pay__amount{font-size:40px;font-weight:700;letter-spacing:.5px;margin:4px 0}
.pv-pay__amount small{font-size:24px;margin-right:2px}
.pv-pay__meta{font-size:12px;color:rgba(0,0,0,.4);margin-bottom:14px;word-break:break-all}
.pv-sub__ask{font-size:16px;font-weight:600}
.pv-sub__list{margin:0 0 8px;padding:0;list-style:none;border-top:.5px solid rgba(0,0,0,.1)}
.pv-sub__item{padding:12px 0;border-bottom:.5px solid rgba(0,0,0,.1);font-size:14px;color:rgba(0,0,0,.7);word-break:break-all}
.pv-share{align-self:center;width:240px;border-radius:8px;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.12);padding:10px 12px 8px;box-sizing:border-box}
.pv-share__app{display:flex;align-items:center;gap:6px;font-size:12px;color:rgba(0,0,0,.5)}
.pv-share__logo{width:16px;height:16px;border-radius:50%;background:#07c160}
.pv-share__title{margin:6px 0 8px;font-size:15px;line-height:1.4;color:#000;word-break:break-all}
.pv-share__image{width:216px;height:173px;border-radius:4px;overflow:hidden;background:#f2f2f2}
.pv-share__image img{width:100%;height:100%;object-fit:cover;display:block}
.pv-share__image--none{display:flex;align-items:center;justify-content:center;color:rgba(0,0,0,.3);font-size:13px}
.pv-share__foot{margin-top:8px;padding-top:6px;border-top:.5px solid rgba(0,0,0,.08);font-size:11px;color:rgba(0,0,0,.4)}
.pv-share__path{align-self:center;font:12px ui-monospace,Menlo,Consolas,monospace;color:#576b95;background:#f5f6f8;border-radius:6px;padding:6px 8px;word-break:break-all}
.pv-picklist{display:flex;flex-direction:column;margin:0 -24px}
.pv-picklist__item{height:52px;border:0;border-top:.5px solid rgba(0,0,0,.08);background:#fff;font-size:17px;font-family:inherit;cursor:pointer}
.pv-picklist__item--on{color:#07c160;font-weight:600}
.pv-pickcols{display:flex;gap:8px}
.pv-select{flex:1;font:inherit;font-size:16px;padding:10px;border:1px solid #e5e5e5;border-radius:8px;background:#fafafa}
`;
