/** The five notices as written (data only), in the order of the notices' index. */
import { kelan2022 } from './kelan-2022.js';
import { lingchuan2023 } from './lingchuan-2023.js';
import { minquan2024 } from './minquan-2024.js';
import { qinshui2025 } from './qinshui-2025.js';
import { xiangning2023 } from './xiangning-2023.js';

export const NOTICES = [xiangning2023, lingchuan2023, kelan2022, minquan2024, qinshui2025] as const;
