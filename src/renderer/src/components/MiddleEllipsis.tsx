/**
 * A file name cut in the middle when it does not fit: 「临淄区工业和信息化局2023年…修改稿.docx」.
 * The end of a name is what tells two versions apart (.docx or .html, 修改稿, (2)), so it always
 * stays; the full name shows on hover. CSS does the fitting (the head shrinks with an ellipsis, the
 * tail never shrinks), so it follows the column width without measuring text.
 */
import { Tooltip } from 'antd';

/** Characters kept at the end: the extension and the words before it. */
const TAIL = 10;

export function MiddleEllipsis({
  text,
  className,
}: {
  text: string;
  className?: string;
}): React.JSX.Element {
  const chars = Array.from(text);
  const cut = Math.max(0, chars.length - Math.min(TAIL, Math.floor(chars.length / 2)));
  return (
    <Tooltip title={text} mouseEnterDelay={0.3}>
      <span className={`nb-mid${className ? ` ${className}` : ''}`} data-full={text}>
        <span className="nb-mid-head">{chars.slice(0, cut).join('')}</span>
        <span className="nb-mid-tail">{chars.slice(cut).join('')}</span>
      </span>
    </Tooltip>
  );
}
